// The API as a Web-standard fetch handler: `export default { fetch }` is what
// Cloudflare Workers and Deno Deploy call; Vercel Edge Functions take the
// same function as `export const POST = handler.fetch`.
import { handle } from "./api.js";

export default {
  fetch: (request: Request): Promise<Response> => handle(request),
};
