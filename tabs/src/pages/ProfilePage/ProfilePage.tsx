/** Placeholder until my profile lands (issue 7, in progress). */
export default function ProfilePage() {
  return <article data-testid="page-profile" />;
}
