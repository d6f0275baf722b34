import type { APIRoute } from 'astro';
import { problemsManifest } from '../lib/course/manifests';

/** dist/problems.json: every practice problem with its variants' URLs, without answers (contracts/practice.md). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await problemsManifest(), null, 2), { headers: { 'Content-Type': 'application/json' } });
