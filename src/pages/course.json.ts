import type { APIRoute } from 'astro';
import { courseManifest } from '../lib/course/manifests';

/** dist/course.json: the lessons, their order, prerequisites, objectives and problems (contracts/practice.md). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await courseManifest(), null, 2), { headers: { 'Content-Type': 'application/json' } });
