/**
 * The third national land survey's (第三次全国国土调查, 三调) parcel layers, recognised by their standard field
 * names (地类图斑 DLTB: 标识码 BSM, 图斑编号 TBBH, 地类编码 DLBM, 地类名称 DLMC, 权属单位名称 QSDWMC, 坐落单位名称
 * ZLDWMC, 图斑面积 TBMJ, 扣除地类面积 KCMJ, 图斑地类面积 TBDLMJ…): such a layer is coloured by its land class on
 * import, and the land-class table offers its class field first.
 */
export const SANDIAO_FIELDS = ['BSM', 'TBBH', 'DLBM', 'DLMC', 'QSDWDM', 'QSDWMC', 'ZLDWDM', 'ZLDWMC', 'TBMJ', 'KCMJ', 'TBDLMJ'] as const;

/** The 三调 fields a layer has, when it has a land-class field and at least one other of them; else none. */
export function sandiaoFields(names: readonly string[]): string[] {
  const upper = new Map(names.map((n) => [n.toUpperCase(), n]));
  const found = SANDIAO_FIELDS.filter((f) => upper.has(f)).map((f) => upper.get(f) as string);
  const hasClass = upper.has('DLBM') || upper.has('DLMC');
  return hasClass && found.length >= 2 ? found : [];
}

/** The field that names the land class: the name, else a code resolved to its name by a domain, else the code. */
export function sandiaoClassField(names: readonly string[]): string | undefined {
  const upper = new Map(names.map((n) => [n.toUpperCase(), n]));
  return upper.get('DLMC') ?? upper.get('DLBM_RESOLVED') ?? upper.get('DLBM');
}
