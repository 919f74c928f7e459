declare module 'virtual:policies' {
  import type { LoadedPolicy } from '@criteria/schema';
  /** Every policy of the repository, defined (validated and hashed) in the browser. */
  export const policies: readonly LoadedPolicy[];
}
