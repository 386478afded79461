import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnTarget, type Target } from './spawn-target'

// nginx proxy_pass with upstream keep-alive: the reference an operator would compare against.

function findNginx(): string | null {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .trim()
        .split('\n')[0] || null
    )
  } catch {
    return null
  }
}

/** nginx from Debian's packages, installed on first use when we may (as scripts/test.mjs does for Chromium). */
export function nginxBinary(): string | null {
  const found = findNginx()
  if (found || process.getuid?.() !== 0) return found
  console.log("Installing Debian's nginx for the comparison…")
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'nginx'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  } catch (error) {
    console.error(`nginx could not be installed: ${(error as Error).message}`)
  }
  return findNginx()
}

export async function startNginx(binary: string, upstreamPort: number, port: number, workers: number): Promise<Target> {
  const prefix = path.join(os.tmpdir(), `tollgate-bench-nginx-${process.pid}`)
  mkdirSync(prefix, { recursive: true })
  const conf = path.join(prefix, 'nginx.conf')
  writeFileSync(
    conf,
    `
worker_processes ${workers};
${process.getuid?.() === 0 ? 'user root;' : ''}
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream bench_upstream { server 127.0.0.1:${upstreamPort}; keepalive 256; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://bench_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`,
  )
  return spawnTarget('nginx', binary, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], {}, port, 'port')
}
