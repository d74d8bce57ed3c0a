/** The planner's tools with the tiled layers' section: the composition root joins features that do not import each other. */
import { TiledSection } from '../tiles/TiledSection';
import ToolsPanel from '../tools/ToolsPanel';

const EXTRA = [TiledSection] as const;

export default function PlannerPanel() {
  return <ToolsPanel extraSections={EXTRA} />;
}
