/**
 * Bueno de Mesquita's expected-utility ("challenge") model as formalised by Scholz, Calbert & Smith
 * (2011), "Unravelling Bueno De Mesquita's group decision model", J. Theoretical Politics 23(4):
 * 510–531, doi:10.1177/0951629811418142; one issue dimension at a time. Re-derived from the published
 * equations (no code copied).
 *
 * Per round: risk exponents r_i from security levels (computed with r = 1), then every actor i
 * assesses every j from its own perspective: EU_i(ij), EU_i(ji); offers are confrontation
 * (EU_ji > EU_ij > 0: i moves to x_j), compromise (EU_ji > 0 > EU_ij, EU_ji > |EU_ij|: i moves by
 * (x_j − x_i)|EU_ij/EU_ji|) and capitulation (EU_ji > 0 > EU_ij, |EU_ij| > EU_ji: i moves to x_j).
 * Each actor accepts one offer: a confrontation before a compromise before a capitulation (Scholz's
 * order), and within a type the one that moves it least.
 */
export type BdmProbability = "published" | "scholz-code" | "net";

export interface BdmActor {
  name: string;
  capability: number;
  /** Salience in [0,1]. */
  salience: number;
  position: number;
}

export interface BdmOptions {
  /** Probability that the status quo persists (Q, default 1). */
  q?: number;
  /** Probability that the status quo improves if it changes (T, default 1). */
  t?: number;
  /** Which P_i formula: the paper's (default), Scholz's code (global normaliser), or net votes (dmasad). */
  probability?: BdmProbability;
  /** Number of rounds (default 10); the run stops earlier when no one moves. */
  rounds?: number;
}

export interface BdmOffer {
  receiver: string;
  proposer: string;
  kind: "confrontation" | "compromise" | "capitulation";
  from: number;
  to: number;
}

export interface BdmRound {
  positions: number[];
  risk: number[];
  offers: BdmOffer[];
}

export class BdmModel {
  x: number[];
  r: number[];
  readonly c: number[];
  readonly s: number[];
  readonly range: number;
  readonly q: number;
  readonly t: number;
  readonly prob: BdmProbability;

  constructor(
    readonly actors: BdmActor[],
    opts: BdmOptions = {},
  ) {
    this.x = actors.map((a) => a.position);
    this.c = actors.map((a) => a.capability);
    this.s = actors.map((a) => a.salience);
    this.r = actors.map(() => 1);
    this.range = Math.max(...this.x) - Math.min(...this.x);
    this.q = opts.q ?? 1;
    this.t = opts.t ?? 1;
    this.prob = opts.probability ?? "published";
  }

  /** c_k s_k (|x_k − b|^r − |x_k − a|^r)/Δ^r: k's weighted preference for a over b. */
  private vote(k: number, a: number, b: number, r = this.r[k]): number {
    const R = this.range || 1;
    return (
      this.c[k] *
      this.s[k] *
      ((Math.abs(this.x[k] - b) / R) ** r - (Math.abs(this.x[k] - a) / R) ** r)
    );
  }

  /** Probability that position xi prevails over xj. */
  probability(xi: number, xj: number): number {
    if (xi === xj) return 0;
    const n = this.x.length;
    if (this.prob === "net") {
      let top = 0;
      let bot = 0;
      for (let k = 0; k < n; k++) {
        const v = this.vote(k, xi, xj, 1);
        top += v;
        bot += Math.abs(v);
      }
      return bot > 0 ? Math.max(0, top) / bot : 0;
    }
    let top = 0;
    let bot = 0;
    for (let k = 0; k < n; k++) {
      const v = this.vote(k, xi, xj);
      top += Math.max(0, v);
      if (this.prob === "published") bot += Math.abs(v);
    }
    if (this.prob === "scholz-code")
      for (let k = 0; k < n; k++)
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) bot += Math.abs(this.vote(k, this.x[a], this.x[b]));
    return bot > 0 ? top / bot : 0;
  }

  /** Black's median by pairwise votes (risk-neutral). */
  median(): number {
    const ps = [...new Set(this.x)].sort((a, b) => a - b);
    let m = ps[0];
    for (const p of ps.slice(1)) {
      let v = 0;
      for (let k = 0; k < this.x.length; k++) v += this.vote(k, p, m, 1);
      if (v > 0) m = p;
    }
    return m;
  }

  /** EU to i of i challenging j, from the perspective of actor h (h's risk exponent). */
  euChallenge(h: number, i: number, j: number, mu = this.median()): number {
    const R = this.range || 1;
    const r = this.r[h];
    const d = Math.abs(this.x[i] - this.x[j]) / R;
    const dm = Math.abs(this.x[i] - mu) / R;
    const us = 2 - 4 * (0.5 - 0.5 * d) ** r;
    const uf = 2 - 4 * (0.5 + 0.5 * d) ** r;
    const ub = 2 - 4 * (0.5 - 0.25 * (dm + d)) ** r;
    const uw = 2 - 4 * (0.5 + 0.25 * (dm + d)) ** r;
    const usq = 2 - 4 * 0.5 ** r;
    const p = this.probability(this.x[i], this.x[j]);
    return (
      this.s[j] * (p * us + (1 - p) * uf) +
      (1 - this.s[j]) * us -
      this.q * usq -
      (1 - this.q) * (this.t * ub + (1 - this.t) * uw)
    );
  }

  /** Risk exponents from security levels (all computed with r = 1). */
  updateRisk(): void {
    const n = this.x.length;
    this.r = this.r.map(() => 1);
    const mu = this.median();
    const danger = Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let j = 0; j < n; j++) if (j !== i) s += this.euChallenge(i, j, i, mu);
      return s;
    });
    const mx = Math.max(...danger);
    const mn = Math.min(...danger);
    this.r = danger.map((d) => {
      if (mx === mn) return 1;
      const R = (2 * d - mx - mn) / (mx - mn);
      return (1 - R / 3) / (1 + R / 3);
    });
  }

  /** One round: risk update, offers, moves. */
  round(): BdmRound {
    this.updateRisk();
    const n = this.x.length;
    const mu = this.median();
    const rank = { confrontation: 0, compromise: 1, capitulation: 2 } as const;
    const chosen: (BdmOffer | null)[] = [];
    for (let i = 0; i < n; i++) {
      let best: BdmOffer | null = null;
      for (let j = 0; j < n; j++) {
        if (j === i || this.x[j] === this.x[i]) continue;
        const eij = this.euChallenge(i, i, j, mu);
        const eji = this.euChallenge(i, j, i, mu);
        let kind: BdmOffer["kind"] | null = null;
        let to = this.x[i];
        if (eji > eij && eij > 0) {
          kind = "confrontation";
          to = this.x[j];
        } else if (eji > 0 && 0 > eij && eji > Math.abs(eij)) {
          kind = "compromise";
          to = this.x[i] + (this.x[j] - this.x[i]) * Math.abs(eij / eji);
        } else if (eji > 0 && 0 > eij && Math.abs(eij) > eji) {
          kind = "capitulation";
          to = this.x[j];
        }
        if (!kind) continue;
        const o: BdmOffer = {
          receiver: this.actors[i].name,
          proposer: this.actors[j].name,
          kind,
          from: this.x[i],
          to,
        };
        if (
          !best ||
          rank[kind] < rank[best.kind] ||
          (rank[kind] === rank[best.kind] &&
            Math.abs(to - this.x[i]) < Math.abs(best.to - this.x[i]))
        )
          best = o;
      }
      chosen.push(best);
    }
    const risk = this.r.slice();
    chosen.forEach((o, i) => {
      if (o) this.x[i] = o.to;
    });
    return {
      positions: this.x.slice(),
      risk,
      offers: chosen.filter((o): o is BdmOffer => o !== null),
    };
  }

  run(rounds = 10): BdmRound[] {
    const out: BdmRound[] = [];
    for (let k = 0; k < rounds; k++) {
      const before = this.x.slice();
      const r = this.round();
      out.push(r);
      if (r.positions.every((x, i) => x === before[i])) break;
    }
    return out;
  }
}
