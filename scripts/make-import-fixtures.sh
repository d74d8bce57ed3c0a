#!/usr/bin/env bash
# Writes the import fixtures in tests/fixtures/import/ the way planners' files really come: Shapefiles
# from GDAL's ogr2ogr in CGCS2000 Gauss-Kruger (with and without the zone number in front of the
# easting), Xian 1980, Beijing 1954 and UTM, attribute text in GBK with or without a .cpg, a GBK CSV,
# a GeoJSON in projected metres with a crs member, and an Excel workbook of two sheets.
# Needs gdal-bin (Debian: apt-get install -y gdal-bin) and zip; the outputs are committed, so the tests
# do not need GDAL. The known points are in points.csv (WGS-84 / CGCS2000 longitude and latitude).
set -euo pipefail
cd "$(dirname "$0")/../tests/fixtures/import"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > points.csv <<'CSV'
id,名称,类型,面积,lon,lat
1,遂昌县城,县城,12.5,119.276103,28.592148
2,城东区块,园区,13.03,119.31,28.598
3,遂昌站,车站,0.2,119.323,28.623
4,妙高街道,街道,,119.265,28.5875
5,天工之城,园区,3.5,118.93,28.5
CSV
src="$tmp/points.vrt"
cat > "$src" <<VRT
<OGRVRTDataSource><OGRVRTLayer name="points"><SrcDataSource>$PWD/points.csv</SrcDataSource>
<GeometryType>wkbPoint</GeometryType><LayerSRS>EPSG:4326</LayerSRS>
<GeometryField encoding="PointFromColumns" x="lon" y="lat"/>
<Field name="id" type="Integer"/><Field name="名称" type="String"/><Field name="类型" type="String"/><Field name="面积" type="Real"/>
</OGRVRTLayer></OGRVRTDataSource>
VRT

# shapefile NAME EPSG ENCODING KEEP_CPG [LDID]: a zipped Shapefile; KEEP_CPG=no drops the .cpg, LDID rewrites byte 29 of the .dbf.
shapefile() {
  local name=$1 epsg=$2 enc=$3 cpg=$4 ldid=${5:-}
  local dir="$tmp/$name"
  mkdir -p "$dir"
  ogr2ogr -f 'ESRI Shapefile' -t_srs "EPSG:$epsg" -lco ENCODING="$enc" -sql 'SELECT id, "名称", "类型", "面积" FROM points' "$dir/$name.shp" "$src"
  [ "$cpg" = no ] && rm -f "$dir/$name.cpg"
  if [ -n "$ldid" ]; then printf "$(printf '\\x%02x' "$ldid")" | dd of="$dir/$name.dbf" bs=1 seek=29 conv=notrunc status=none; fi
  rm -f "$name.zip"
  (cd "$dir" && zip -q -X "$OLDPWD/$name.zip" "$name".*)
}
shapefile cgcs2000-gk40-gbk 4528 CP936 yes           # 3-degree zone 40, zone number in front of the easting, .cpg says 936
shapefile cgcs2000-cm120-gbk-nocpg 4549 CP936 no 0   # 3-degree CM 120E, GBK, no .cpg, no language driver: detected
shapefile cgcs2000-cm120-gbk-ldid 4549 CP936 no 77   # the same with only the language-driver byte 0x4D (code page 936)
shapefile cgcs2000-geographic-utf8 4490 UTF-8 yes
shapefile xian1980-cm120 2385 CP936 yes
shapefile beijing1954-cm120 2437 CP936 yes
shapefile wgs84-utm50 32650 UTF-8 yes

# A CSV saved by Excel in GBK, a GeoJSON in CGCS2000 CM 120E metres with a crs member, a CSV of metres with no CRS.
ogr2ogr -f CSV -lco GEOMETRY=AS_XY -sql 'SELECT "名称", "类型" FROM points' "$tmp/gbk.csv" "$src"
sed '1s/^X,Y/经度,纬度/' "$tmp/gbk.csv" | iconv -f UTF-8 -t GB18030 > gbk.csv
ogr2ogr -f GeoJSON -t_srs EPSG:4549 -lco RFC7946=NO -lco COORDINATE_PRECISION=3 -sql 'SELECT id, "名称" FROM points' cgcs2000-4549.geojson "$src"
ogr2ogr -f CSV -t_srs EPSG:4528 -lco GEOMETRY=AS_XY -sql 'SELECT "名称" FROM points' projected-no-crs.csv "$src"
# An .xlsx: a project list with 经度/纬度 on its second sheet, a notes sheet first.
rm -f projects.xlsx
ogr2ogr -f XLSX -oo AUTODETECT_TYPE=YES -sql "SELECT '本表由 GDAL 生成，项目在第二张表' AS \"说明\" FROM points LIMIT 1" -nln 说明 projects.xlsx points.csv
ogr2ogr -f XLSX -update -oo AUTODETECT_TYPE=YES -sql 'SELECT "名称", "类型", lon AS "经度", lat AS "纬度" FROM points' -nln 项目清单 projects.xlsx points.csv
ls -l
