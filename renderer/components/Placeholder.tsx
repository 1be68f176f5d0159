/** For areas that later issues deliver; says so plainly instead of pretending. */
export function Placeholder({ title, text }: { title: string; text: string }) {
  return (
    <section className="screen">
      <h1>{title}</h1>
      <p className="muted">{text}</p>
    </section>
  );
}
