// The few zod/mini functions the schemas use. The build bundles this module
// (and only what it re-exports) into dist/vendor/zod-mini.js, so that loading
// the package does not load zod's dozens of modules: about 80 ms of a cold
// start on a loaded 2-core machine. The types still come from the zod package.
export {
  array,
  boolean,
  enum as picklist,
  gte,
  looseObject,
  lte,
  minLength,
  multipleOf,
  NEVER,
  number,
  object,
  optional,
  pipe,
  refine,
  regex,
  string,
  transform,
  union,
  unknown,
} from "zod/mini";
