// The category filter of the Tools and Roles views: "all categories" or one the server reports.
import { SelectField } from './form-fields';

export function CategorySelect({
  value,
  categories,
  onChange,
}: {
  value: string;
  categories: readonly string[] | undefined;
  onChange: (category: string) => void;
}) {
  return (
    <SelectField label="Category" value={value} onChange={onChange}>
      <option value="">all categories</option>
      {(categories ?? []).map((item) => (
        <option key={item} value={item}>
          {item}
        </option>
      ))}
    </SelectField>
  );
}
