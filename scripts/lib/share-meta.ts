/**
 * The link preview's metadata (Open Graph, read by WeChat, DingTalk, Slack, social sites): title,
 * description, site name and locales always; with the deployment's public address (VITE_PUBLIC_URL,
 * build time) also the page's URL and its picture (public/share-card.png, from the e2e run), which
 * must be absolute. Values are escaped as attribute text.
 */
export interface ShareMetaTag {
  tag: 'meta';
  attrs: Record<string, string>;
  injectTo: 'head';
}

const TITLE = '遂昌发展地图 · Suichang Development Map';
const DESCRIPTION = '遂昌县高质量发展的交互式地图与数据：开发区、化工园区、飞地、高铁新区、社区中心，每个数字注明出处。';

export function shareMetaTags(publicUrl: string | undefined, hasCard: boolean): ShareMetaTag[] {
  const tags: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', TITLE],
    ['og:title', TITLE],
    ['og:description', DESCRIPTION],
    ['og:locale', 'zh_CN'],
    ['og:locale:alternate', 'en_US'],
  ];
  let base: URL | null = null;
  try {
    if (publicUrl) base = new URL(publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
  } catch {
    throw new Error(`VITE_PUBLIC_URL: "${publicUrl}" is not an absolute URL such as https://map.example.gov.cn/`);
  }
  if (base && !/^https?:$/.test(base.protocol)) throw new Error(`VITE_PUBLIC_URL: "${publicUrl}" must be http or https`);
  if (base) {
    tags.push(['og:url', base.href]);
    if (hasCard) {
      tags.push(['og:image', new URL('share-card.png', base).href], ['og:image:width', '1200'], ['og:image:height', '630']);
      tags.push(['twitter:card', 'summary_large_image']);
    }
  }
  return tags.map(([property, content]) => ({ tag: 'meta', attrs: { property, content }, injectTo: 'head' }));
}
