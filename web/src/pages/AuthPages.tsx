import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, ApiError, describeError } from '../api';
import { Field } from '../components/Field';
import { afterLogin, useSession } from '../session';
import { useTitle } from '../title';

export function LoginPage() {
  const { setMe } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useTitle('Log in');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setMe(await api.login(login, password));
      navigate(afterLogin(location.search), { replace: true });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="narrow">
      <h1>Log in</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label="Email or username"
          name="login"
          autoComplete="username"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </main>
  );
}

const SIGNUP_LABELS = {
  username: 'Username',
  email: 'Email',
  password: 'Password',
  firstName: 'First name',
  lastName: 'Last name',
};

export function SignupPage() {
  const { setMe } = useSession();
  const navigate = useNavigate();
  useTitle('Sign up');
  const [fields, setFields] = useState({
    username: '',
    email: '',
    password: '',
    firstName: '',
    lastName: '',
  });
  const [error, setError] = useState<ApiError | Error>();
  const [busy, setBusy] = useState(false);
  const fieldError = (name: keyof typeof SIGNUP_LABELS) =>
    error instanceof ApiError ? error.fieldMessage(name, SIGNUP_LABELS[name]) : undefined;
  const set = (name: keyof typeof fields) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setFields({ ...fields, [name]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { firstName, lastName, ...required } = fields;
      setMe(
        await api.signup({
          ...required,
          ...(firstName ? { firstName } : {}),
          ...(lastName ? { lastName } : {}),
        }),
      );
      navigate('/new');
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }

  const general =
    error && !(error instanceof ApiError && error.blames(Object.keys(SIGNUP_LABELS)))
      ? describeError(error)
      : undefined;
  return (
    <main className="narrow">
      <h1>Create your account</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          value={fields.username}
          onChange={set('username')}
          hint="3–30 letters, digits, dots or underscores"
          error={fieldError('username')}
          required
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={fields.email}
          onChange={set('email')}
          error={fieldError('email')}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={fields.password}
          onChange={set('password')}
          hint="8–128 characters, not a common password"
          error={fieldError('password')}
          required
        />
        <Field
          label="First name (optional)"
          name="firstName"
          autoComplete="given-name"
          value={fields.firstName}
          onChange={set('firstName')}
          error={fieldError('firstName')}
        />
        <Field
          label="Last name (optional)"
          name="lastName"
          autoComplete="family-name"
          value={fields.lastName}
          onChange={set('lastName')}
          error={fieldError('lastName')}
        />
        {general && (
          <p role="alert" className="error">
            {general}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Sign up'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </main>
  );
}
