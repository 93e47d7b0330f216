/**
 * KTAB's PRNG (`KBase::PRNG`, MIT): the 64-bit Mersenne Twister (mt19937_64, as in C++ <random>)
 * whose raw outputs pass through KTAB's bijection qTrans(n) = (n + Q64C)(2n + 3) mod 2^64.
 * Used only for KTAB's stochastic state transitions, so that a seed means what it means in KTAB.
 */
const M64 = (1n << 64n) - 1n;
const Q64C = 0xe08c1d668b756f83n;
const NN = 312;
const MM = 156;
const MATRIX_A = 0xb5026f5aa96619e9n;
const UM = 0xffffffff80000000n;
const LM = 0x7fffffffn;

export class KtabPrng {
  private mt = new Array<bigint>(NN);
  private mti = NN + 1;

  constructor(seed: bigint) {
    this.seed(seed);
  }

  seed(s: bigint): void {
    this.mt[0] = s & M64;
    for (let i = 1; i < NN; i++) {
      const prev = this.mt[i - 1];
      this.mt[i] = (6364136223846793005n * (prev ^ (prev >> 62n)) + BigInt(i)) & M64;
    }
    this.mti = NN;
  }

  /** Raw mt19937_64 output. */
  next64(): bigint {
    if (this.mti >= NN) {
      const mt = this.mt;
      let i = 0;
      for (; i < NN - MM; i++) {
        const x = (mt[i] & UM) | (mt[i + 1] & LM);
        mt[i] = mt[i + MM] ^ (x >> 1n) ^ (x & 1n ? MATRIX_A : 0n);
      }
      for (; i < NN - 1; i++) {
        const x = (mt[i] & UM) | (mt[i + 1] & LM);
        mt[i] = mt[i + (MM - NN)] ^ (x >> 1n) ^ (x & 1n ? MATRIX_A : 0n);
      }
      const x = (mt[NN - 1] & UM) | (mt[0] & LM);
      mt[NN - 1] = mt[MM - 1] ^ (x >> 1n) ^ (x & 1n ? MATRIX_A : 0n);
      this.mti = 0;
    }
    let x = this.mt[this.mti++];
    x ^= (x >> 29n) & 0x5555555555555555n;
    x ^= (x << 17n) & 0x71d67fffeda60000n;
    x ^= (x << 37n) & 0xfff7eee000000000n;
    x ^= x >> 43n;
    return x & M64;
  }

  /** KTAB's `PRNG::uniform()`: qTrans of the raw output. */
  uniform64(): bigint {
    const n = this.next64();
    return ((n + Q64C) * (2n * n + 3n)) & M64;
  }

  /** KTAB's `PRNG::uniform(a, b)`. */
  uniform(a = 0, b = 1): number {
    const x = Number(this.uniform64()) / Number(M64);
    return a + (b - a) * x;
  }

  /** KTAB's `PRNG::probSel`: index drawn from a probability column. */
  probSel(p: number[]): number {
    const u = this.uniform(0, 1);
    let sum = 0;
    for (let i = 0; i < p.length; i++) {
      sum = sum + p[i];
      if (u <= sum) return i;
    }
    return p.length - 1;
  }
}
