using System.Buffers;
using CdsBone.Api.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CdsBone.Api.CdsHooks;

/// <summary>Reads a JSON request body within the configured limit: 415 when it is not JSON, 413 when it is too large.</summary>
internal static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// The body bytes in a buffer rented from the shared pool (dispose it when the request ends), or the error to answer
    /// with. Large prefetch bodies are hundreds of kilobytes: a fresh array per request landed on the large-object heap
    /// and forced a full collection every few requests (docs/performance.md).
    /// </summary>
    public static async Task<(PooledBody? Body, CdsError? Error)> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, new UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, new PayloadTooLarge(maxBytes));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        var body = new PooledBody((int)Math.Min(request.ContentLength ?? ChunkBytes, maxBytes) + 1);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(body.FreeSpace(ChunkBytes), cancellationToken);
                if (read == 0)
                {
                    var complete = body;
                    body = null;
                    return (complete, null);
                }

                body.Advance(read);
                if (body.Length > maxBytes)
                {
                    return (null, new PayloadTooLarge(maxBytes));
                }
            }
        }
        finally
        {
            body?.Dispose();
        }
    }

    /// <summary>application/json, or any <c>+json</c> type (application/fhir+json), with any parameters.</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        var type = mediaType.MediaType.Value ?? string.Empty;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
