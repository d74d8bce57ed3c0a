/** The composition root joins the tour to the map services: a stop's services are shown by src/services, loaded when a stop has some. */
import { registerStopServices } from '../layers/stopServices';

let loaded = false;
registerStopServices((services) => {
  if (!services?.length && !loaded) return;
  loaded = true;
  void import('../services/tourServices').then((m) => m.showServices(services));
});
