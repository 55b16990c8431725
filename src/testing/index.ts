// partner-access/testing: tools for testing code that uses partner-access.
export { arbitraries } from "./arbitraries.js";
