// autocannon ships no types (and @types/autocannon is not a dependency): the bench uses its
// programmatic API through bench/load.ts only.
declare module "autocannon";
