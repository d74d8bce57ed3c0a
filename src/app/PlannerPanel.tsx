/** The planner's tools with the tiled layers', the map services' and the land-class table's sections: the composition root joins features that do not import each other. */
import { LandClassSection } from '../landclass/LandClassSection';
import { ServicesSection } from '../services/ServicesSection';
import { TiledSection } from '../tiles/TiledSection';
import ToolsPanel from '../tools/ToolsPanel';

const EXTRA = [TiledSection, ServicesSection, LandClassSection] as const;

export default function PlannerPanel() {
  return <ToolsPanel extraSections={EXTRA} />;
}
