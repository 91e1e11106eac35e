namespace CdsBone.Api.Security;

/// <summary>Why a client token was refused: logged and counted, never returned (a 401 says nothing about why).</summary>
public enum AuthFailure
{
    /// <summary>No bearer token.</summary>
    MissingToken,
    /// <summary>Not a JWS compact token.</summary>
    Malformed,
    /// <summary>alg none, HMAC, or not on the allow-list.</summary>
    AlgorithmNotAllowed,
    /// <summary>No kid in the header.</summary>
    MissingKid,
    /// <summary>typ is not JWT.</summary>
    WrongType,
    /// <summary>iss not trusted.</summary>
    UntrustedIssuer,
    /// <summary>jku not allow-listed for the issuer.</summary>
    JkuNotAllowed,
    /// <summary>No key with that kid, even after a refresh.</summary>
    UnknownKey,
    /// <summary>The key set could not be fetched.</summary>
    KeySetUnavailable,
    /// <summary>The signature does not verify.</summary>
    BadSignature,
    /// <summary>aud is not the endpoint called.</summary>
    WrongAudience,
    /// <summary>Expired.</summary>
    Expired,
    /// <summary>iat in the future, or exp/iat missing.</summary>
    BadTimes,
    /// <summary>jti missing.</summary>
    MissingJti,
    /// <summary>jti seen before.</summary>
    Replayed,
    /// <summary>tenant not allowed.</summary>
    TenantNotAllowed,
    /// <summary>exp more than MaxTokenLifetime after iat.</summary>
    LifetimeTooLong,
    /// <summary>A crit header parameter this service does not understand (RFC 7515 §4.1.11).</summary>
    UnsupportedCritical,
    /// <summary>The replay store could not be reached: answered 503, not 401.</summary>
    ReplayStoreUnavailable,
    /// <summary>The in-memory replay store is full of live ids: answered 503, not 401.</summary>
    ReplayStoreFull,
    /// <summary>Too many token checks from one address before authentication: answered 429.</summary>
    PreAuthenticationLimited,
}
