import type { Next, Request, Response } from 'restify';

/**
 * restify's body reader inflates a gzip body before anything else runs, and caps only the bytes on
 * the wire: 261 KB of gzip became 256 MB in memory (and a gigabyte once parsed), from a request
 * with no token. The Bot Framework service posts plain JSON, so an encoded body is refused (415,
 * RFC 7694's `Accept-Encoding: identity`) before it is read, inflated or authenticated.
 */
export function refuseEncodedBodies(req: Request, res: Response, next: Next): void {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') {
    next();
    return;
  }
  res.header('Accept-Encoding', 'identity');
  res.send(415, { error: { code: 'unsupported-encoding', message: 'encoded request bodies are not accepted: send the activity as plain JSON' } });
  next(false);
}
