import './tools.css';
import type { ComponentType } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { AnalysisSection } from './AnalysisSection';
import { DrawSection } from './DrawSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { MeasureSection } from './MeasureSection';
import { StorageSection } from './StorageSection';
import { useTools } from './toolsState';
import { useToolStrings } from './useToolStrings';

/**
 * The planner's tools, loaded only when first opened. Sections of other features (the tiled layers)
 * are handed in by the composition root, placed after the import section.
 */
export default function ToolsPanel({ extraSections = [] }: { extraSections?: readonly ComponentType[] }) {
  const setOpen = useTools((s) => s.setOpen);
  const t = useToolStrings();
  return (
    <section className="tools-panel" aria-labelledby="tools-title">
      <header className="tools-head">
        <h2 id="tools-title">{t.tools}</h2>
        <button type="button" className="panel-close-small" aria-label={t.toolsClose} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      <div className="tools-scroll">
        {[MeasureSection, DrawSection, ImportSection, ...extraSections, AnalysisSection, ExportSection, StorageSection].map((Section) => (
          <ErrorBoundary key={Section.name} label={t.tools}>
            <Section />
          </ErrorBoundary>
        ))}
      </div>
    </section>
  );
}
