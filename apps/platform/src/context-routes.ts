import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { CONTEXTS } from '../../contexts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface ServedRoute {
  readonly context: string;
  readonly method: string;
  readonly pattern: RegExp;
  /** Literal segments win over parameters when two patterns match (`/orders/:id` vs `/orders/open`). */
  readonly literals: number;
}

/** Every route of every context's controllers, read from the Nest metadata the apps route by. */
const SERVED: readonly ServedRoute[] = CONTEXTS.flatMap((context) =>
  context.controllers.flatMap((controller) => {
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype).flatMap((key) => {
      const handler = prototype[key];
      if (typeof handler !== 'function' || key === 'constructor') return [];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) return [];
      const segments = ['api', ...`${prefix}/${path}`.split('/')].filter(Boolean);
      const pattern = new RegExp(
        `^/${segments.map((s) => (s.startsWith(':') ? '[^/]+' : escaped(s))).join('/')}$`,
      );
      return [
        {
          context: context.name,
          method: RequestMethod[method],
          pattern,
          literals: segments.filter((s) => !s.startsWith(':')).length,
        },
      ];
    });
  }),
);

/**
 * Which context's app serves a route, read from the Nest metadata of every context's controllers:
 * in the cluster each context is its own process, and a client (the demo, the cluster harness)
 * sends each call to the one that serves it. Routes every host serves (health, streams, partner
 * keys) belong to no context.
 */
export function contextServing(method: HttpMethod, route: string): string | undefined {
  const path = route.split('?')[0]!;
  const matches = SERVED.filter((r) => r.method === method && r.pattern.test(path));
  matches.sort((a, b) => b.literals - a.literals);
  return matches[0]?.context;
}

function escaped(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
