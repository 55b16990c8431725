// Writes src/domain/shared-domains.generated.ts from the maintained
// email-providers list: every entry canonicalised through parseEmailDomain,
// entries it refuses dropped (public suffixes such as com.ar, addresses, bad
// names) and entries under another listed entry dropped, since subdomain
// matching covers them. Run `npm run generate` after updating email-providers;
// a unit test fails while the committed file is out of date.
import { writeFileSync } from "node:fs";
import { GENERATED_PATH, renderSharedDomainModule } from "./shared-domains-module.js";

const { text, summary } = renderSharedDomainModule();
writeFileSync(GENERATED_PATH, text);
console.log(summary);
