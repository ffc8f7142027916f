// Per-column extras the Studio's DataTable reads (TanStack Table's documented module augmentation).
import '@tanstack/react-table';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData, TValue> {
    /** A class for the column's cells (e.g. `num`, `truncate`). */
    className?: string;
  }
}
