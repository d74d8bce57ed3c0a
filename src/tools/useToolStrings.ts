import { TOOL_STRINGS, type ToolStrings } from '../i18n/toolStrings';
import { useApp } from '../state/store';

export function useToolStrings(): ToolStrings {
  return TOOL_STRINGS[useApp((s) => s.lang)];
}
