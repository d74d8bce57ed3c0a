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

# --- What offices hand over besides Shapefiles (#32) ---
# A 三调-style parcel layer near the county seat: a 12 × 8 grid of 120 m × 110 m cells (CGCS2000 lon/lat),
# land classes by a fixed pattern, with DLBM (code), DLMC (name), TBMJ (area as the survey gives it, m²)
# and QSDWMC (owner). WKT in a CSV, so GDAL writes every format from the same shapes.
awk 'BEGIN {
  OFS = ","; print "WKT,BSM,DLBM,DLMC,QSDWMC";
  split("0101,0103,0301,0702,1101,0301,1006,0201", code, ",");
  split("水田,旱地,乔木林地,农村宅基地,河流水面,乔木林地,农村道路,果园", name, ",");
  dx = 0.00122; dy = 0.00099; x0 = 119.262; y0 = 28.582; n = 0;
  for (j = 0; j < 8; j++) for (i = 0; i < 12; i++) {
    k = ((i * 3 + j * 5 + int(i / 4)) % 8) + 1; n++;
    x = x0 + i * dx; y = y0 + j * dy;
    printf "\"POLYGON ((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))\",%d,%s,%s,%s\n", x, y, x + dx, y, x + dx, y + dy, x, y + dy, x, y, n, code[k], name[k], (j < 4 ? "妙高街道某村" : "云峰街道某村");
  }
}' > "$tmp/parcels.csv"
cat > "$tmp/parcels.vrt" <<VRT
<OGRVRTDataSource><OGRVRTLayer name="parcels"><SrcDataSource>$tmp/parcels.csv</SrcDataSource>
<GeometryType>wkbPolygon</GeometryType><LayerSRS>EPSG:4490</LayerSRS>
<GeometryField encoding="WKT" field="WKT"/>
<Field name="BSM" type="Integer"/><Field name="DLBM" type="String"/><Field name="DLMC" type="String"/><Field name="QSDWMC" type="String"/>
</OGRVRTLayer></OGRVRTDataSource>
VRT
# A GeoPackage in CGCS2000 GK CM 120E: the parcels (TBMJ: the ellipsoidal area GDAL computes), the points, and an attribute-only table.
rm -f office.gpkg
ogr2ogr -f GPKG -t_srs EPSG:4549 -nln 三调地类图斑 -dialect SQLite \
  -sql 'SELECT geometry, BSM, DLBM, DLMC, QSDWMC, ROUND(ST_Area(geometry, 1), 2) AS TBMJ FROM parcels' office.gpkg "$tmp/parcels.vrt"
ogr2ogr -f GPKG -update -t_srs EPSG:4549 -nln 项目点 -sql 'SELECT id, "名称", "类型" FROM points' office.gpkg "$src"
ogrinfo -q office.gpkg -sql "CREATE TABLE 说明 (fid INTEGER PRIMARY KEY, text TEXT)" >/dev/null
ogrinfo -q office.gpkg -sql "INSERT INTO 说明 (text) VALUES ('只有属性、没有几何的表')" >/dev/null
# The same parcels as a File Geodatabase (what 三调 results come as), with DLBM a coded-value domain
# (code → name), zipped as offices send it: once as x.gdb.zip, once as a plain .zip with the folder inside.
rm -f "$tmp/domain.gpkg"
ogr2ogr -f GPKG -nln parcels "$tmp/domain.gpkg" office.gpkg 三调地类图斑
ogrinfo -q "$tmp/domain.gpkg" -sql "CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name))" >/dev/null
ogrinfo -q "$tmp/domain.gpkg" -sql "CREATE TABLE gpkg_data_column_constraints (constraint_name TEXT NOT NULL, constraint_type TEXT NOT NULL, value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, description TEXT, CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value))" >/dev/null
ogrinfo -q "$tmp/domain.gpkg" -sql "INSERT INTO gpkg_data_column_constraints (constraint_name, constraint_type, value, description) VALUES ('DLBM_三调','enum','0101','水田'),('DLBM_三调','enum','0103','旱地'),('DLBM_三调','enum','0201','果园'),('DLBM_三调','enum','0301','乔木林地'),('DLBM_三调','enum','0702','农村宅基地'),('DLBM_三调','enum','1006','农村道路'),('DLBM_三调','enum','1101','河流水面')" >/dev/null
ogrinfo -q "$tmp/domain.gpkg" -sql "INSERT INTO gpkg_data_columns (table_name, column_name, constraint_name) VALUES ('parcels','DLBM','DLBM_三调')" >/dev/null
ogrinfo -q "$tmp/domain.gpkg" -sql "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ('gpkg_data_columns', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec121/#extension_schema', 'read-write'), ('gpkg_data_column_constraints', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec121/#extension_schema', 'read-write')" >/dev/null
rm -rf "$tmp/sandiao.gdb" sandiao.gdb.zip landuse-gdb.zip
ogr2ogr -f OpenFileGDB -nln DLTB "$tmp/sandiao.gdb" "$tmp/domain.gpkg" parcels
(cd "$tmp" && zip -q -X -r "$OLDPWD/sandiao.gdb.zip" sandiao.gdb && mkdir -p 交付 && cp -r sandiao.gdb 交付/ && zip -q -X -r "$OLDPWD/landuse-gdb.zip" 交付)
# A KMZ (what 奥维 and Google Earth share), and a file that only claims to be a GeoPackage.
rm -f points.kmz
ogr2ogr -f LIBKML -sql 'SELECT "名称" AS Name, "类型" AS Description FROM points' points.kmz "$src"
printf 'SQLite format 3\000this is not a database' > broken.gpkg
# A CAD drawing in Gauss-Kruger metres (DXF keeps no coordinate system: the importer asks), and a MapInfo table in
# CGCS2000 GK CM 120E with GBK text, zipped with its .dat, .map and .id.
ogr2ogr -f DXF -t_srs EPSG:4549 points-4549.dxf "$src"
rm -rf "$tmp/mapinfo" && mkdir "$tmp/mapinfo"
ogr2ogr -f 'MapInfo File' -t_srs EPSG:4549 -lco ENCODING=CP936 -sql 'SELECT id, "名称", "类型" FROM points' "$tmp/mapinfo/points.tab" "$src"
rm -f mapinfo-points.zip && (cd "$tmp/mapinfo" && zip -q -X "$OLDPWD/mapinfo-points.zip" points.*)
ls -l
