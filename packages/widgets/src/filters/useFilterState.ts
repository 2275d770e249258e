import { useCallback, useState } from 'react';
import { defaultFilterState, type FilterState } from './filterState';

/**
 * Filter state that is either controlled by the host (`value` + `onChange`, e.g. kept in the URL
 * with `filtersToParams`) or held here, starting from `initial`.
 */
export function useFilterState(options: { value?: FilterState; onChange?: (next: FilterState) => void; initial?: FilterState }): [FilterState, (next: FilterState) => void] {
  const [own, setOwn] = useState<FilterState>(options.initial ?? defaultFilterState);
  const { onChange } = options;
  const set = useCallback(
    (next: FilterState) => {
      setOwn(next);
      onChange?.(next);
    },
    [onChange],
  );
  return [options.value ?? own, set];
}
