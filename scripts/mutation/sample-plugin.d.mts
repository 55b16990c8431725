// The types of sample-plugin.mjs, for the tests and the driver.
export declare const SAMPLE_FILE: string;
export declare const UNDETECTED_LOG: string;
export declare const strykerPlugins: readonly {
  readonly kind: string;
  readonly name: string;
  readonly value?: { shouldIgnore(path: unknown): string | undefined };
  readonly injectableClass?: new () => { onMutantTested(result: unknown): void };
}[];
