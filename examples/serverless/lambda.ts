// The API behind AWS Lambda with an API Gateway (HTTP API, payload format
// 2.0) or a function URL: the event becomes a Request, the Response becomes
// the result object Lambda expects. Only the fields used are typed here.
import { handle } from "./api.js";

export interface HttpApiEvent {
  readonly rawPath: string;
  readonly rawQueryString?: string;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
  readonly requestContext: {
    readonly http: { readonly method: string };
    readonly domainName?: string;
  };
}

export interface HttpApiResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function fromBase64(text: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
}

export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  const method = event.requestContext.http.method;
  const host = event.requestContext.domainName ?? "lambda.local";
  const query = event.rawQueryString ? `?${event.rawQueryString}` : "";
  const body =
    event.body === undefined
      ? undefined
      : event.isBase64Encoded
        ? fromBase64(event.body)
        : event.body;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers.set(name, value);
  }
  const request = new Request(`https://${host}${event.rawPath}${query}`, {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" || body === undefined ? {} : { body }),
  });
  const response = await handle(request);
  const result: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    result[name] = value;
  });
  return {
    statusCode: response.status,
    headers: result,
    body: await response.text(),
  };
}
