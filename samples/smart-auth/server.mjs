// A local SMART on FHIR authorization server for CdsBone's trend view: oidc-provider (OpenID Certified) configured
// as SMART App Launch 2.0 asks: public client with PKCE (S256) required, the `launch` and `aud` parameters, SMART v2
// scopes, and `patient` (plus the card's `appContext`) in the token response. An EHR registers a launch context with
// POST /launch {patient, appContext} and gets a launch id to put in the app's launch URL. Sign-in and consent are
// automatic (a test clinician): this is a test server on 127.0.0.1, never for real users or data.
// The FHIR sandbox checks tokens with its introspection endpoint (client `fhir-sandbox`).
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

const HOST = '127.0.0.1';
const PORT = Number.parseInt(process.env.SMART_AUTH_PORT ?? '8091', 10);
const ISSUER = `http://${HOST}:${PORT}`;
const FHIR_BASE = process.env.SMART_AUTH_FHIR_BASE ?? 'http://127.0.0.1:8090/fhir';
const CLIENT_ID = process.env.SMART_AUTH_CLIENT_ID ?? 'cdsbone-trends';
const REDIRECT_URIS = (process.env.SMART_AUTH_REDIRECT_URIS ?? 'http://localhost:8080/app/callback').split(',');
const INTROSPECTION_SECRET = process.env.SMART_AUTH_INTROSPECTION_SECRET ?? 'fhir-sandbox-local-secret';
// A standalone launch has no EHR context: the test server picks this patient, as a patient picker would.
const STANDALONE_PATIENT = process.env.SMART_AUTH_STANDALONE_PATIENT ?? 'V4-falling-e2-trend';
const ACCESS_TOKEN_SECONDS = Number.parseInt(process.env.SMART_AUTH_TOKEN_SECONDS ?? '300', 10);
const LAUNCH_SECONDS = 600;
const CLINICIAN = 'test-clinician';

const resourceTypes = ['Patient', 'Observation', 'MedicationRequest', 'Condition'];
const smartScopes = ['launch', 'launch/patient', 'fhirUser', ...resourceTypes.map((t) => `patient/${t}.rs`)];

// launch id -> {patient, appContext, expires}; grant id -> launch context (read when the token is issued).
const launches = new Map();
const grantContexts = new Map();

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: CLIENT_ID,
      token_endpoint_auth_method: 'none',
      redirect_uris: REDIRECT_URIS,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
    {
      client_id: 'fhir-sandbox',
      client_secret: INTROSPECTION_SECRET,
      redirect_uris: [],
      grant_types: [],
      response_types: [],
    },
  ],
  scopes: ['openid', ...smartScopes],
  claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, fhirUser: `${FHIR_BASE}/Practitioner/${id}` }) }),
  pkce: { required: () => true },
  extraParams: {
    // SMART: aud names the FHIR server the token is for; a token for another server is refused here.
    aud(_ctx, value) {
      if (value !== FHIR_BASE) throw new errors.InvalidRequest(`aud must be ${FHIR_BASE}`);
    },
    launch(ctx, value) {
      if (value === undefined) return;
      const context = launches.get(value);
      if (!context || context.expires < Date.now()) throw new errors.InvalidRequest('unknown or expired launch');
    },
  },
  features: {
    devInteractions: { enabled: false },
    introspection: { enabled: true },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: { AccessToken: ACCESS_TOKEN_SECONDS, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
  cookies: { keys: [randomUUID()] },
  // SMART wants JSON errors and no rendering of forms for this test server.
  renderError(ctx, out) {
    ctx.type = 'json';
    ctx.body = out;
  },
});
provider.proxy = false;

// SMART App Launch: the launch context is part of the token response (patient; the card's appContext).
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.status === 200 && ctx.body?.access_token) {
    const token = await provider.AccessToken.find(ctx.body.access_token);
    const context = token && grantContexts.get(token.grantId);
    if (context) {
      ctx.body.patient = context.patient;
      if (context.appContext !== undefined) ctx.body.appContext = context.appContext;
    }
  }
});

function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

// The clinician signs in and consents at once: login, then a grant of the requested SMART scopes.
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: CLINICIAN } }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  grant.addOIDCScope(String(params.scope ?? '').split(' ').filter((s) => s === 'openid' || smartScopes.includes(s)).join(' '));
  const grantId = await grant.save();
  const launch = params.launch ? launches.get(params.launch) : undefined;
  grantContexts.set(grantId, launch ? { patient: launch.patient, appContext: launch.appContext } : { patient: STANDALONE_PATIENT });
  if (params.launch) launches.delete(params.launch);
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', ISSUER);
    if (req.method === 'POST' && url.pathname === '/launch') {
      // The EHR's side of an EHR launch: register the context, hand the app an opaque launch id.
      const body = await readJson(req);
      if (typeof body.patient !== 'string' || body.patient.length === 0) {
        json(res, 400, { error: 'patient is required' });
        return;
      }
      const launch = randomUUID();
      launches.set(launch, { patient: body.patient, appContext: body.appContext, expires: Date.now() + LAUNCH_SECONDS * 1000 });
      json(res, 201, { launch });
      return;
    }
    if (url.pathname.startsWith('/interaction/')) {
      await interaction(req, res);
      return;
    }
    callback(req, res);
  } catch (err) {
    json(res, 500, { error: 'server_error', error_description: String(err?.message ?? err) });
  }
});

server.listen(PORT, HOST, () => console.log(`SMART authorization server listening on ${ISSUER} for ${FHIR_BASE}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
