/** Fires all requests at once against a listening server and collects status and body. */
export async function fireAll(
  baseUrl: string,
  token: string,
  requests: Array<{ path: string; body?: object; headers?: Record<string, string> }>,
) {
  return Promise.all(
    requests.map(async ({ path, body, headers }) => {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify(body ?? {}),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }),
  );
}
