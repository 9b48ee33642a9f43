type ParallelRequest = { path: string; body?: object; headers?: Record<string, string> };

async function post(baseUrl: string, token: string, { path, body, headers }: ParallelRequest) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body ?? {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Fires all requests at once against a listening server and collects status and body. */
export async function fireAll(baseUrl: string, token: string, requests: ParallelRequest[]) {
  return Promise.all(requests.map((request) => post(baseUrl, token, request)));
}

/** Like fireAll, at a server that may die meanwhile: a request it never answered gets status 0. */
export async function fireAllAllowingCrash(baseUrl: string, token: string, requests: ParallelRequest[]) {
  return Promise.all(requests.map((request) => post(baseUrl, token, request).catch(() => ({ status: 0, body: {} as Record<string, unknown> }))));
}
