import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A course site for the embed tests: the app's build served under a
 * sub-path (`/course/intx/`, fetched from the app server so the build is
 * not made twice), and host pages that embed it in an <iframe>. One port,
 * two origins: the app is addressed as 127.0.0.1 and the host pages as
 * localhost, so the frame is cross-origin as on a real course site.
 */
export const COURSE_PATH = '/course/intx/';

export interface CourseHost {
  port: number;
  /** The app's origin (`http://127.0.0.1:PORT`). */
  appOrigin: string;
  /** The host pages' origin (`http://localhost:PORT`). */
  hostOrigin: string;
  close(): Promise<void>;
}

/**
 * The host page. `sizing` picks who sizes the frame: this API's
 * `height-changed`, an H5P-style resizer, or Canvas's `lti.frameResize`.
 * The page records every message from the frame in `window.received`.
 */
function hostPage(frameSrc: string, sizing: string, stranger: boolean): string {
  const strangerFrame = stranger
    ? `<iframe id="stranger" title="Another widget" srcdoc="<p>another widget</p>"></iframe>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<style>body{font:16px system-ui;margin:16px} iframe#lab{width:100%;border:1px solid #999;height:300px}</style>
</head><body>
<h1>Week 3: sharing INTx</h1>
<p id="text">Read the simulation below. <input id="notes" aria-label="Notes"></p>
<iframe id="lab" title="INTx Lab" src="${frameSrc}"></iframe>
${strangerFrame}
<script>
  const frame = document.getElementById('lab');
  const frameOrigin = new URL(frame.src).origin;
  window.received = [];
  window.send = (message) => frame.contentWindow.postMessage(message, frameOrigin);
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const data = event.data;
    window.received.push(data);
    const sizing = ${JSON.stringify(sizing)};
    if (sizing === 'api' && data && data.type === 'height-changed') {
      frame.style.height = data.height + 'px';
    }
    if (sizing === 'canvas' && typeof data === 'string') {
      const parsed = JSON.parse(data);
      if (parsed.subject === 'lti.frameResize') frame.style.height = parsed.height + 'px';
    }
    if (sizing === 'h5p' && data && data.context === 'h5p') {
      const respond = (action) => event.source.postMessage({ context: 'h5p', action }, event.origin);
      if (data.action === 'hello') respond('hello');
      if (data.action === 'prepareResize') {
        if (frame.clientHeight !== data.scrollHeight || data.scrollHeight !== data.clientHeight) {
          frame.style.height = data.clientHeight + 'px';
          respond('resizePrepared');
        }
      }
      if (data.action === 'resize') frame.style.height = data.scrollHeight + 'px';
    }
  });
</script>
</body></html>`;
}

async function proxy(upstream: string, path: string, res: ServerResponse): Promise<void> {
  try {
    const answer = await fetch(new URL(path, upstream));
    const body = Buffer.from(await answer.arrayBuffer());
    const type = answer.headers.get('content-type');
    res.writeHead(answer.status, type ? { 'content-type': type } : {});
    res.end(body);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
}

/** Starts the course site in front of the app server at `appUrl`. */
export async function startCourseHost(appUrl: string): Promise<CourseHost> {
  let port = 0;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (url.pathname.startsWith(COURSE_PATH)) {
      void proxy(appUrl, url.pathname.slice(COURSE_PATH.length) + url.search, res);
      return;
    }
    if (url.pathname === '/host.html') {
      const frameSrc =
        url.searchParams.get('frame') ?? `http://127.0.0.1:${port}${COURSE_PATH}?embed=1`;
      const sizing = url.searchParams.get('sizing') ?? 'api';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostPage(frameSrc, sizing, url.searchParams.get('stranger') === '1'));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    appOrigin: `http://127.0.0.1:${port}`,
    hostOrigin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
