// Mutable<T>: the parsers build readonly AST nodes field by field before handing them out.

/** `T` without `readonly`, for a node under construction. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
