// How the scorecard groups and counts targets: by plan (plans in date order) and by reform area (areas in the
// home page's order, targets without a series last), and how many targets have each status.
import { REFORM_AREAS, type ReformAreaId } from '../reform-areas.ts';
import { TARGET_STATUSES, type PlanView, type TargetStatus, type TargetView } from './types.ts';

export function byPlan(targets: TargetView[]): { plan: PlanView; targets: TargetView[] }[] {
  const groups = new Map<string, { plan: PlanView; targets: TargetView[] }>();
  for (const t of targets) {
    const group = groups.get(t.plan.id) ?? { plan: t.plan, targets: [] };
    group.targets.push(t);
    groups.set(t.plan.id, group);
  }
  return [...groups.values()].sort((a, b) => a.plan.date.localeCompare(b.plan.date) || a.plan.id.localeCompare(b.plan.id));
}

export function byArea(targets: TargetView[]): { area: ReformAreaId | null; targets: TargetView[] }[] {
  const order = (t: TargetView) => t.indicatorId + String(t.targetYear) + t.plan.date;
  const groups: { area: ReformAreaId | null; targets: TargetView[] }[] = REFORM_AREAS.map((a) => ({
    area: a.id,
    targets: targets.filter((t) => t.area === a.id).sort((x, y) => order(x).localeCompare(order(y))),
  }));
  groups.push({ area: null, targets: targets.filter((t) => t.area === null) });
  return groups.filter((g) => g.targets.length > 0);
}

export function statusCounts(targets: TargetView[]): { status: TargetStatus; count: number }[] {
  return TARGET_STATUSES.map((status) => ({ status, count: targets.filter((t) => t.status === status).length }));
}
