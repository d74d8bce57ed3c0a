/** The planner's tools with the tiled layers' and the map services' sections: the composition root joins features that do not import each other. */
import { ServicesSection } from '../services/ServicesSection';
import { TiledSection } from '../tiles/TiledSection';
import ToolsPanel from '../tools/ToolsPanel';

const EXTRA = [TiledSection, ServicesSection] as const;

export default function PlannerPanel() {
  return <ToolsPanel extraSections={EXTRA} />;
}
