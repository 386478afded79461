import type { AiTarget, ExposedModel } from './ai-route-types'

// Which targets of a route to try, in which order. A target that fails `failures` times in a row
// (connection error, timeout, 429, 5xx) is cooled down for `cooldownMs`: it goes to the back of
// the line, tried only when every other target failed too. WEIGHTED routes pick the first target
// at random by weight (among those not cooling down) and keep the rest, in order, as fallbacks.

export type CooldownPolicy = { failures: number; cooldownMs: number }

export const DEFAULT_COOLDOWN: CooldownPolicy = { failures: 3, cooldownMs: 30_000 }

type Health = { failures: number; coolUntil: number }

export class TargetHealth {
  private readonly health = new Map<string, Health>()

  constructor(
    private readonly policy: CooldownPolicy = DEFAULT_COOLDOWN,
    private readonly random: () => number = Math.random,
  ) {}

  isCooling(target: AiTarget, now: number): boolean {
    const health = this.health.get(target.id)
    return health !== undefined && health.coolUntil > now
  }

  failed(target: AiTarget, now: number): void {
    let health = this.health.get(target.id)
    if (!health) this.health.set(target.id, (health = { failures: 0, coolUntil: 0 }))
    health.failures += 1
    if (health.failures >= this.policy.failures) {
      health.failures = 0
      health.coolUntil = now + this.policy.cooldownMs
    }
  }

  served(target: AiTarget): void {
    this.health.delete(target.id)
  }

  /** The targets in the order to try them. */
  order(model: ExposedModel, now: number): AiTarget[] {
    const ready: AiTarget[] = []
    const cooling: AiTarget[] = []
    for (const target of model.targets) (this.isCooling(target, now) ? cooling : ready).push(target)
    if (model.strategy === 'WEIGHTED' && ready.length > 1) {
      const first = this.pickByWeight(ready)
      ready.splice(ready.indexOf(first), 1)
      ready.unshift(first)
    }
    return ready.concat(cooling)
  }

  private pickByWeight(targets: AiTarget[]): AiTarget {
    const total = targets.reduce((sum, t) => sum + t.weight, 0)
    if (total <= 0) return targets[0]
    let point = this.random() * total
    for (const target of targets) {
      point -= target.weight
      if (point < 0) return target
    }
    return targets[targets.length - 1]
  }
}
