// Minimal types for the parts of autocannon 9 the bench uses (the package ships none).
declare module "autocannon" {
  type Stats = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number };
  export type Result = {
    requests: Stats;
    latency: Stats;
    throughput: Stats;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    duration: number;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    method?: string;
  };
  export default function autocannon(opts: Options): Promise<Result>;
}
