/**
 * Debian's nginx on loopback with the shipped deploy/nginx.conf (its listen address, root and office
 * server filled in), everything in a temporary prefix; `extra` is added inside the server block (a
 * spec's own locations, e.g. the county archives beside the app).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface NginxHost {
  site: string;
  dir: string;
  stop: () => void;
}

export async function startNginx(port: number, options: { officeServer?: string; extra?: string } = {}): Promise<NginxHost> {
  const dir = mkdtempSync(join(tmpdir(), 'suichang-nginx-'));
  mkdirSync(join(dir, 'logs'));
  let site = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /srv/suichang/dist;', `root ${join(ROOT, 'dist')};`);
  if (options.officeServer) site = site.replace('proxy_pass http://10.0.0.5:8080/geoserver/;', `proxy_pass ${options.officeServer};`);
  if (options.extra) site = site.replace(/\}\s*$/, `${options.extra}\n}\n`);
  // The shipped file is a server block: the smallest main configuration around it.
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n  include ${dir}/site.conf;\n}\n`,
  );
  const nginx: ChildProcess = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'pipe' });
  let said = '';
  nginx.stderr?.on('data', (d) => (said += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    nginx.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) {
      stop();
      throw new Error(`nginx stopped (is nginx-light installed?): ${said}`);
    }
    try {
      if ((await fetch(`${url}/`)).ok) return { site: url, dir, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`nginx did not answer: ${said}`);
}
