/** Placeholder until the admin page lands (issue 7, in progress). */
export default function AdminPage() {
  return <article data-testid="page-admin" />;
}
