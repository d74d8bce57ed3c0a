/** Interface text shared by every kind of user layer: its colour, opacity, style by attribute, label and legend. */
import type { Lang } from '../i18n/strings';

const zh = {
  color: '颜色',
  opacity: '透明度',
  styleTitle: '样式',
  styleBy: '按属性着色',
  styleNone: '无',
  styleMode: '方式',
  styleCategory: (n: number) => `分类（前 ${n} 类，其余为“其他”）`,
  styleGraduated: '分级（按数值分 5 级）',
  labelField: '标注字段',
  legend: '图例',
};

export type LayerStrings = typeof zh;

const en: LayerStrings = {
  color: 'Colour',
  opacity: 'Opacity',
  styleTitle: 'Style',
  styleBy: 'Colour by attribute',
  styleNone: 'None',
  styleMode: 'Method',
  styleCategory: (n: number) => `Categories (the first ${n}; the rest as "other")`,
  styleGraduated: 'Graduated (5 classes of the numbers)',
  labelField: 'Label field',
  legend: 'Legend',
};

export const LAYER_STRINGS: Record<Lang, LayerStrings> = { zh, en };
