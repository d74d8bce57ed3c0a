/** 遂昌县城, as in geodata/basemap/labels.geojson. */
export const COUNTY_SEAT_FOR_TESTS: [number, number] = [119.276103, 28.592148];
