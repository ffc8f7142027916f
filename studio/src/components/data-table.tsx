// A full-width table on TanStack Table (headless sorting, filtering and pagination, maintained so we do
// not hand-roll them): click a column header to sort, type to filter, page through the rows. With
// `serverPaged` the caller pages on the server and the table sorts and filters the page it was given.
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type ReactNode, useState } from 'react';
import { TextField } from './form-fields';
import { TableScroll } from './table-scroll';

export const PAGE_SIZES = [10, 25, 50, 100];

export function DataTable<Row>({
  caption,
  data,
  columns,
  filterLabel,
  filterPlaceholder,
  emptyText,
  pageSize = 25,
  serverPaged = false,
  toolbar,
  rowClassName,
}: {
  caption: string;
  data: Row[];
  /** Column value types differ per column, so `any` here is TanStack's own idiom. */
  columns: ColumnDef<Row, any>[];
  filterLabel: string;
  filterPlaceholder?: string;
  emptyText: ReactNode;
  pageSize?: number;
  serverPaged?: boolean;
  toolbar?: ReactNode;
  rowClassName?: (row: Row) => string | undefined;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize });
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: filter, ...(serverPaged ? {} : { pagination }) },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    onPaginationChange: setPagination,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    ...(serverPaged ? {} : { getPaginationRowModel: getPaginationRowModel() }),
    globalFilterFn: 'includesString',
    autoResetPageIndex: true,
  });
  const rows = table.getRowModel().rows;
  const matched = table.getFilteredRowModel().rows.length;
  return (
    <div className="data-table">
      <div className="filters">
        <TextField
          label={filterLabel}
          type="search"
          value={filter}
          placeholder={filterPlaceholder}
          onChange={(value) => setFilter(value)}
        />
        {toolbar}
      </div>
      <TableScroll label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {label}
                          <span aria-hidden="true" className="sort-mark">
                            {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={rowClassName?.(row.original)}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted">
                  {filter ? `Nothing matches “${filter}”.` : emptyText}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
      {serverPaged ? null : (
        <nav className="pager" aria-label={`${caption} pages`}>
          <button
            type="button"
            className="button small"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            Previous page
          </button>
          <span className="muted small" aria-live="polite">
            Page {table.getState().pagination.pageIndex + 1} of {Math.max(1, table.getPageCount())} · {matched}{' '}
            {matched === 1 ? 'row' : 'rows'}
          </span>
          <button
            type="button"
            className="button small"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
          >
            Next page
          </button>
          <PageSizeSelect value={pagination.pageSize} onChange={(size) => table.setPageSize(size)} />
        </nav>
      )}
    </div>
  );
}

export function PageSizeSelect({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  return (
    <label className="page-size">
      Rows per page{' '}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </label>
  );
}
