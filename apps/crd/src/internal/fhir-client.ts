import { isResource, type Resource } from './hook-request.js';

export class FhirFetchError extends Error {}

/**
 * Reads from the EHR's FHIR server with the hook's `fhirAuthorization` token,
 * with a timeout. Any failure (network, status, not FHIR JSON) is a FhirFetchError.
 */
export const fhirGet = async (
  base: string,
  path: string,
  accessToken: string | undefined,
  timeoutMs: number,
): Promise<Resource> => {
  const url = `${base.replace(/\/+$/, '')}/${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: {
        accept: 'application/fhir+json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new FhirFetchError(
      `the EHR's FHIR server did not answer (${(e as Error).name === 'TimeoutError' ? 'timeout' : 'network error'})`,
    );
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new FhirFetchError(`the EHR's FHIR server answered HTTP ${res.status}`);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new FhirFetchError("the EHR's FHIR server answered with something other than JSON");
  }
  if (!isResource(body))
    throw new FhirFetchError("the EHR's FHIR server answered with no FHIR resource");
  return body;
};
