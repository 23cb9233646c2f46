// Creates or updates the review's one pull-request comment: on GitHub an issue comment, on
// Azure DevOps a pull-request thread, found again by a marker line so later pushes update it.
// Used by action.yml and ci/azure-pipelines/review.yml; tested against a local HTTP server
// (test/ci/scripts.test.ts).
//
// Usage: node post-comment.mjs <comment.md>
// GitHub:       GITHUB_API_URL, GITHUB_REPOSITORY, REVIEW_PR (the pull request number), GITHUB_TOKEN
// Azure DevOps: SYSTEM_COLLECTIONURI, SYSTEM_TEAMPROJECTID, BUILD_REPOSITORY_ID,
//               SYSTEM_PULLREQUEST_PULLREQUESTID, SYSTEM_ACCESSTOKEN
import { readFileSync } from "node:fs";

/** The first line of every comment this script writes; how it finds its own comment again. */
const MARKER = "<!-- cdktf-acr-transfer review -->";

const env = process.env;
const body = `${MARKER}\n${readFileSync(process.argv[2], "utf8")}`;

async function call(method, url, headers, payload) {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  if (!response.ok) {
    throw new Error(`${method} ${url} answered ${response.status} ${await response.text()}`);
  }
  return response.status === 204 ? undefined : response.json();
}

async function github() {
  const api = env.GITHUB_API_URL || "https://api.github.com";
  const headers = {
    authorization: `Bearer ${env.GITHUB_TOKEN}`,
    accept: "application/vnd.github+json",
  };
  const issue = `${api}/repos/${env.GITHUB_REPOSITORY}/issues/${env.REVIEW_PR}`;
  for (let page = 1; ; page++) {
    const comments = await call("GET", `${issue}/comments?per_page=100&page=${page}`, headers);
    const mine = comments.find((c) => typeof c.body === "string" && c.body.startsWith(MARKER));
    if (mine) {
      await call(
        "PATCH",
        `${api}/repos/${env.GITHUB_REPOSITORY}/issues/comments/${mine.id}`,
        headers,
        { body },
      );
      return `updated comment ${mine.id}`;
    }
    if (comments.length < 100) break;
  }
  const created = await call("POST", `${issue}/comments`, headers, { body });
  return `created comment ${created.id}`;
}

async function azure() {
  const base =
    `${env.SYSTEM_COLLECTIONURI.replace(/\/$/, "")}/${env.SYSTEM_TEAMPROJECTID}/_apis/git/repositories/` +
    `${env.BUILD_REPOSITORY_ID}/pullRequests/${env.SYSTEM_PULLREQUEST_PULLREQUESTID}/threads`;
  const version = "api-version=7.1";
  const headers = { authorization: `Bearer ${env.SYSTEM_ACCESSTOKEN}` };
  const { value: threads } = await call("GET", `${base}?${version}`, headers);
  const mine = threads.find((t) => t.comments?.[0]?.content?.startsWith(MARKER));
  if (mine) {
    const comment = mine.comments[0].id;
    await call("PATCH", `${base}/${mine.id}/comments/${comment}?${version}`, headers, {
      content: body,
    });
    return `updated thread ${mine.id}`;
  }
  const created = await call("POST", `${base}?${version}`, headers, {
    comments: [{ parentCommentId: 0, content: body, commentType: 1 }],
    status: 1,
  });
  return `created thread ${created.id}`;
}

try {
  console.log(`post-comment: ${await (env.TF_BUILD ? azure() : github())}`);
} catch (error) {
  console.error(`post-comment: ${error.message}`);
  process.exit(1);
}
