/**
 * The best line ŷ = w·x + b for a small dataset under MSE, MAE and Huber loss.
 *
 * - MSE: least squares in closed form, w = cov(x, y) / var(x), b = ȳ − w x̄.
 * - MAE: some optimal line passes through two of the data points (the risk is piecewise
 *   linear in (w, b), so a minimum sits at a vertex), so we try every pair and keep the
 *   line with the lowest l1Loss. For ten points that is 45 lines.
 * - Huber: iteratively reweighted least squares. Each point gets the weight ψ(r)/r, where
 *   ψ(r) is huberLoss's own gradient: 1 inside the band |r| ≤ δ, δ/|r| outside, so far
 *   points pull with a capped force. Starting from the MAE line, a few dozen rounds converge.
 */
import { huberLoss, l1Loss } from '../losses/index';

export interface Line {
  slope: number;
  intercept: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Weighted least squares: minimises Σ weightᵢ (w xᵢ + b − yᵢ)². */
function weightedLeastSquares(points: readonly Point[], weights: ArrayLike<number>): Line {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < points.length; i++) {
    sw += weights[i]!;
    sx += weights[i]! * points[i]!.x;
    sy += weights[i]! * points[i]!.y;
  }
  const meanX = sx / sw;
  const meanY = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < points.length; i++) {
    const dx = points[i]!.x - meanX;
    sxx += weights[i]! * dx * dx;
    sxy += weights[i]! * dx * (points[i]!.y - meanY);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: meanY - slope * meanX };
}

function predictions(points: readonly Point[], line: Line): Float64Array {
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) out[i] = line.slope * points[i]!.x + line.intercept;
  return out;
}

function targetsOf(points: readonly Point[]): Float64Array {
  return Float64Array.from(points, (point) => point.y);
}

export function fitLineMse(points: readonly Point[]): Line {
  return weightedLeastSquares(points, new Float64Array(points.length).fill(1));
}

export function fitLineMae(points: readonly Point[]): Line {
  const targets = targetsOf(points);
  let best: Line = fitLineMse(points);
  let bestRisk = l1Loss(predictions(points, best), targets).value;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j]!.x - points[i]!.x;
      if (dx === 0) continue;
      const slope = (points[j]!.y - points[i]!.y) / dx;
      const line = { slope, intercept: points[i]!.y - slope * points[i]!.x };
      const risk = l1Loss(predictions(points, line), targets).value;
      if (risk < bestRisk - 1e-12) {
        best = line;
        bestRisk = risk;
      }
    }
  }
  return best;
}

export function fitLineHuber(points: readonly Point[], delta = 1, rounds = 60): Line {
  const targets = targetsOf(points);
  let line = fitLineMae(points);
  const weights = new Float64Array(points.length);
  for (let round = 0; round < rounds; round++) {
    const { grad } = huberLoss(predictions(points, line), targets, { delta, reduction: 'sum' });
    for (let i = 0; i < points.length; i++) {
      const residual = line.slope * points[i]!.x + line.intercept - points[i]!.y;
      weights[i] = Math.abs(residual) < 1e-12 ? 1 : grad[i]! / residual;
    }
    const next = weightedLeastSquares(points, weights);
    const change = Math.abs(next.slope - line.slope) + Math.abs(next.intercept - line.intercept);
    line = next;
    if (change < 1e-12) break;
  }
  return line;
}
