#!/usr/bin/env bash
# Writes the map-service fixtures in tests/fixtures/services/: a few parcels near the county seat (WGS-84,
# Chinese attribute text) as GeoJSON — what the app imports to compare against — and as a UTF-8
# Shapefile written by GDAL's ogr2ogr, which the test MapServer (tests/servers/ogc-host.mjs) serves as
# WMS, OGC API Features and, through MapCache, WMTS. Needs gdal-bin; the outputs are committed, so the
# tests need MapServer and MapCache but not GDAL.
set -euo pipefail
cd "$(dirname "$0")/../tests/fixtures/services"
cat > parcels.geojson <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":1,"名称":"城东地块甲","用地":"工业"},"geometry":{"type":"Polygon","coordinates":[[[119.290,28.585],[119.310,28.585],[119.310,28.600],[119.290,28.600],[119.290,28.585]]]}},
{"type":"Feature","properties":{"id":2,"名称":"城东地块乙","用地":"商业"},"geometry":{"type":"Polygon","coordinates":[[[119.315,28.590],[119.330,28.590],[119.322,28.612],[119.315,28.590]]]}},
{"type":"Feature","properties":{"id":3,"名称":"妙高地块","用地":"居住"},"geometry":{"type":"Polygon","coordinates":[[[119.255,28.578],[119.272,28.578],[119.272,28.592],[119.262,28.596],[119.255,28.578]]]}}
]}
JSON
rm -f parcels.shp parcels.shx parcels.dbf parcels.prj parcels.cpg
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 parcels.shp parcels.geojson
ogrinfo -so -al parcels.shp | sed -n '1,30p'

# The imagery-like raster (synthetic) over the county, as a JPEG-compressed GeoTIFF in WGS-84.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node ../../../scripts/make-imagery-fixture.mjs "$tmp/imagery.ppm"
rm -f imagery.tif
gdal_translate -q -of GTiff -co COMPRESS=JPEG -co JPEG_QUALITY=80 -co TILED=YES -a_srs EPSG:4326 -a_ullr 118.65 28.85 119.60 28.15 "$tmp/imagery.ppm" imagery.tif
gdalinfo imagery.tif | sed -n '1,4p'
