/** The one-file build carries no GDAL (40 MB): GeoPackage, File Geodatabase and GeoPackage export say so. */
export const createGdalWorker = (): Worker | null => null;
