import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';

/** `405`: the path exists, the method does not; `allowed` goes into the `Allow` header. */
export class MethodNotAllowed extends HttpException {
  constructor(
    method: string,
    readonly allowed: readonly string[],
  ) {
    super(
      {
        error: 'method-not-allowed',
        message: `${method} is not served on this path; it serves ${allowed.join(', ')}`,
        details: { allowed },
      },
      HttpStatus.METHOD_NOT_ALLOWED,
    );
  }
}

interface RouterLayer {
  readonly route?: { readonly methods: Readonly<Record<string, boolean>> };
  match(path: string): unknown;
}

/**
 * Express, and Nest's handler after it, answer 404 to every request no route took, whether its
 * path is unknown or only its method is wrong. A request that reached that handler has no
 * `route`; when routes of the application match its path, it is the method that is wrong, and
 * those routes' methods are what the path serves. Asked only on that error path, so a request
 * that is served pays nothing for it.
 */
export function methodNotAllowed(exception: unknown, request: Request): MethodNotAllowed | null {
  if (!(exception instanceof NotFoundException) || request.route !== undefined) return null;
  const router = (request.app as unknown as { router?: { stack: readonly RouterLayer[] } }).router;
  const methods = new Set<string>();
  for (const layer of router?.stack ?? []) {
    if (!layer.route || !layer.match(request.path)) continue;
    for (const [method, served] of Object.entries(layer.route.methods)) {
      if (served && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.size === 0) return null;
  // Express answers HEAD from a GET route.
  if (methods.has('GET')) methods.add('HEAD');
  return new MethodNotAllowed(request.method, [...methods].sort());
}
