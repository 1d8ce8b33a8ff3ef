<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>oie-filter sample</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/style.css"></head>
<body>
<main>
  <h1>Welcome to the sample app</h1>
  <p>This page is public. The pages under <code>/app/</code> and the API under <code>/api/</code> need you to sign in
     with Okta Identity Engine, on this app's own pages.</p>
  <p><a id="go-app" href="${pageContext.request.contextPath}/app/">Go to your account</a></p>
  <section id="demo-banner">
    <h2>Demo accounts (the local Okta org)</h2>
    <ul>
      <li><strong>alice@example.com</strong> / <code>Wonderland-2026!</code>: an active account.</li>
      <li><strong>pat@example.com</strong>: created but never activated. Enter it on the sign-in page; the activation code
        is in the <a href="http://127.0.0.1:9080/admin/outbox.html">outbox</a>.</li>
      <li><strong>lee@example.com</strong> / <code>Locked-Out-2026!</code>: locked out. Use "Unlock account?" on the sign-in page (the code is in the outbox), then sign in.</li>
      <li><strong>Sign-up</strong> is open to <code>@example.com</code> addresses only: this sample activates accounts of that
        domain (<code>ExampleDomainActivationStrategy</code>), so an account you start to create can always be finished.</li>
    </ul>
  </section>
</main>
</body>
</html>
